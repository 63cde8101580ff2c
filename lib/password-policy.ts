// Password rules (GB/T 22239-2019 8.1.4.1 a: 口令复杂度; ASVS V2.1): at least 8 characters,
// at least 3 of the 4 classes (lower case, upper case, digits, symbols), not containing the username.

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;
export const PASSWORD_RULE_TEXT = "至少 8 位，包含大写字母、小写字母、数字、符号中的至少 3 类，且不得包含用户名。";

export function passwordClasses(password: string): number {
  return [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(password)).length;
}

/** The reasons a password is refused, in Chinese; empty when it is acceptable. */
export function checkPassword(password: string, username: string): string[] {
  const problems: string[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) problems.push(`密码至少 ${PASSWORD_MIN_LENGTH} 位。`);
  if (password.length > PASSWORD_MAX_LENGTH) problems.push(`密码不能超过 ${PASSWORD_MAX_LENGTH} 位。`);
  if (passwordClasses(password) < 3) problems.push("密码须包含大写字母、小写字母、数字、符号中的至少 3 类。");
  if (username.length > 0 && password.toLowerCase().includes(username.toLowerCase())) problems.push("密码不得包含用户名。");
  return problems;
}
