/** `cocreate open311 add-client --name NAME`: registers an Open311 client and prints its api key once. */
import { createClient } from '../../server/modules/open311/open311.clients';
import { auditSystem } from '../../server/platform/audit/audit';
import type { CommandContext } from '../command';
import { flag, openDeps } from './shared';

export async function open311AddClient(args: string[], ctx: CommandContext): Promise<number> {
  const name = flag(args, 'name')?.trim();
  if (!name || name.length > 100) {
    console.error(`用法 Usage: npx cocreate open311 add-client ${ctx.usage}   (NAME: 1–100 characters)`);
    return 2;
  }
  const { config, db } = await openDeps({ migrate: !process.env.DATABASE_URL });
  try {
    const { client, apiKey } = await db.ownerTransaction(async (tx) => {
      const created = await createClient(tx, name);
      await auditSystem(tx, 'cli', {
        action: 'open311.add_client',
        entityType: 'open311_client',
        entityId: created.client.id,
        scopeCode: config.countyCode,
        after: { name: created.client.name },
      });
      return created;
    });
    console.log(
      [
        `已登记 Open311 客户端 Registered Open311 client: ${client.name} (${client.id})`,
        `api_key: ${apiKey}`,
        '此密钥只显示这一次，请妥善转交客户端 / This key is shown only once; hand it to the client securely.',
        `jurisdiction_id: ${config.countyCode}   endpoint: /open311/v2/discovery.xml`,
      ].join('\n'),
    );
    return 0;
  } finally {
    await db.close();
  }
}
