import { createContext } from '../context.ts';
import { cliActor } from '../core/actor.ts';
import { USER_ROLES, type UserRole } from '../core/content-types.ts';
import { addUser, reissueSetupLink } from '../features/accounts/manage-users.ts';
import { type Command, parseOptions } from './command.ts';
import { commandConfig } from './command-config.ts';
import { publicUrlForLinks } from './public-address.ts';
import { UsageError } from './user-error.ts';

export const userCommand: Command = {
  usage: `Usage: dossier user add --email ADDRESS --role admin|editor|contributor [--name NAME]
       dossier user setup-link --email ADDRESS

"add" creates the account and prints a one-time set-up link (valid 72 hours) through which the
person creates a passkey, or a password with an authenticator app. "setup-link" prints a new link
for an existing account (a lost phone, say) and makes its older links useless; finishing set-up
signs the account out everywhere. Links are stored hashed; send them by a safe channel.`,
  async run(args) {
    const [sub, ...rest] = args;
    // A group names its subcommands before it asks for their options.
    if (sub !== 'add' && sub !== 'setup-link') {
      throw new UsageError(
        `${sub ? `Unknown subcommand "${sub}". ` : ''}Use "dossier user add" or "dossier user setup-link" (see "dossier user --help").`,
      );
    }
    const { values } = parseOptions(rest, {
      email: { type: 'string' },
      role: { type: 'string' },
      name: { type: 'string' },
    });
    if (!values.email) throw new UsageError('Give --email');
    const ctx = await createContext(commandConfig('existing'));
    try {
      if (sub === 'add') {
        const role = values.role as UserRole | undefined;
        if (!role || !USER_ROLES.includes(role))
          throw new UsageError(`Give --role, one of ${USER_ROLES.join(', ')}`);
        const { user, setupUrl, expiresAt } = await addUser(
          ctx,
          { email: values.email, displayName: values.name, role },
          cliActor(),
          await publicUrlForLinks(ctx),
        );
        process.stdout.write(
          `Added ${user.email} (${user.role}).\nSet-up link (one use, until ${expiresAt}):\n${setupUrl}\n`,
        );
        return 0;
      }
      if (sub === 'setup-link') {
        const user = await ctx.repos.users.findByEmail(values.email);
        if (!user) throw new UsageError(`No account has the address ${values.email}`);
        const { setupUrl, expiresAt } = await reissueSetupLink(
          ctx,
          user.id,
          cliActor(),
          await publicUrlForLinks(ctx),
        );
        process.stdout.write(
          `Set-up link for ${user.email} (one use, until ${expiresAt}):\n${setupUrl}\n`,
        );
        return 0;
      }
      throw new UsageError('Use "dossier user add" or "dossier user setup-link"; see --help');
    } finally {
      await ctx.close();
    }
  },
};
