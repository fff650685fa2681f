export async function leadersDemo(): Promise<string | null> {
  return null;
}
