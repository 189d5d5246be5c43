import { connect } from '../infra/db/connect.ts';
import { migrateToLatest } from '../infra/db/migrate.ts';
import { type Command, parseOptions } from './command.ts';
import { commandConfig } from './command-config.ts';

export const migrateCommand: Command = {
  usage: `Usage: dossier migrate

Brings the database named by DATABASE_URL (or DATA_DIR) up to this version's schema. Each run is
one transaction: it applies every pending migration or none. Serving also migrates on start.`,
  async run(args) {
    parseOptions(args, {});
    const config = commandConfig('may-create');
    const db = connect(config.database);
    try {
      const applied = await migrateToLatest(db);
      process.stdout.write(
        applied.length > 0
          ? `Applied ${applied.length} migration(s): ${applied.join(', ')}\n`
          : 'The database is up to date.\n',
      );
      return 0;
    } finally {
      await db.close();
    }
  },
};
