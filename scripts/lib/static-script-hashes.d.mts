export function staticScriptHashes(distDir: string): string[];
