export function checkDist(dist: string, opts?: { base?: string; site?: string }): { pages: number; links: number; problems: string[] };
