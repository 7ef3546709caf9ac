import fs from 'node:fs/promises';

const README = new URL('../../../README.md', import.meta.url);

/** Replaces what README.md holds between `<!-- {marker}:start -->` and `<!-- {marker}:end -->`. */
export async function replaceReadmeSection(marker: string, text: string): Promise<void> {
  const readme = await fs.readFile(README, 'utf8');
  const pattern = new RegExp(`(<!-- ${marker}:start -->)[\\s\\S]*?(<!-- ${marker}:end -->)`);
  if (!pattern.test(readme)) throw new Error(`README.md has no ${marker} markers`);
  await fs.writeFile(
    README,
    readme.replace(pattern, (_, start: string, end: string) => `${start}\n${text.trim()}\n${end}`),
  );
}
