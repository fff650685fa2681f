export async function careDemo(): Promise<string | null> {
  return null;
}
