export function staticInlineHashes(distDir: string): { scripts: string[]; styles: string[] };
