import type { Command } from 'commander';
import { loadConfig } from '../platform/config';
import { openCrypto } from '../platform/context';
import { backup, restore } from '../platform/crypto/backup';
import { loadMasterKey, masterKeyFile } from '../platform/crypto/keys';
import { openDb } from '../platform/db/index';

const out = (line: string) => process.stdout.write(`${line}\n`);
const stamp = () => new Date().toISOString().replace(/[:.]/g, '-');

/** `minka backup` and `minka restore`: one sealed archive of the database and the attachments (in the database or as files). */
export function backupCommands(cli: Command): void {
  cli
    .command('backup')
    .description(
      "write one encrypted archive (mode 0600) of the database and the attachments (kept in the database, or files in MINKA_FILES_DIR and in a node's own attachments folder); the master key is not in it: keep it apart",
    )
    .option('--out <file>', 'archive to write (default: minka-<time>.backup in the current folder)')
    .action(async (o: { out?: string }) => {
      const config = loadConfig();
      const db = openDb(config);
      try {
        const { master } = await openCrypto(config, db);
        const r = await backup(config, db, master, o.out ?? `minka-${stamp()}.backup`);
        out(
          `backup written to ${r.file}: ${r.engine}, ${r.tables} tables, ${r.files} attachments, ${r.bytes} bytes, sealed with master key ${r.keyId}`,
        );
      } finally {
        await db.close();
      }
    });

  cli
    .command('restore')
    .description(
      'restore an archive made by minka backup (stop the server first); checks the key and the whole archive before changing anything',
    )
    .argument('<file>', 'archive made by minka backup')
    .option('--force', 'replace the existing database and attachments')
    .option('--key-file <file>', 'the master key the archive was made with, when it is not the configured one')
    .action(async (file: string, o: { force?: boolean; keyFile?: string }) => {
      const config = loadConfig();
      const { key } = loadMasterKey({
        envKey: o.keyFile ? undefined : config.MINKA_MASTER_KEY,
        dataDir: config.dataDir,
        file: o.keyFile ?? masterKeyFile(config),
        create: false,
      });
      const r = await restore(config, key, file, { force: o.force });
      out(`restored ${file} into the ${r.engine} database with ${r.files} attachments`);
      if (o.keyFile) out(`the data needs this key from now on: install ${o.keyFile} as the master key`);
    });
}
