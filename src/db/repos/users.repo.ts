import type { UserRole } from '../../domain/content-types.ts';
import type { User } from '../../domain/entities.ts';
import type { Tx } from '../../services/ports.ts';
import { dbOrTx, type Executor } from '../executor.ts';

const USER_COLUMNS = ['id', 'email', 'displayName', 'role', 'disabled'] as const;

export class UsersRepo {
  constructor(private readonly db: Executor) {}

  async insert(
    user: { email: string; displayName: string; role: UserRole },
    at: string,
    tx?: Tx,
  ): Promise<User> {
    const row = await dbOrTx(this.db, tx)
      .insertInto('users')
      .values({
        ...user,
        email: user.email.toLowerCase(),
        disabled: 0,
        createdAt: at,
        updatedAt: at,
      })
      .returning(USER_COLUMNS)
      .executeTakeFirstOrThrow();
    return { ...row, disabled: row.disabled === 1 };
  }

  async findByEmail(email: string, tx?: Tx): Promise<User | undefined> {
    const row = await dbOrTx(this.db, tx)
      .selectFrom('users')
      .select(USER_COLUMNS)
      .where('email', '=', email.toLowerCase())
      .executeTakeFirst();
    return row ? { ...row, disabled: row.disabled === 1 } : undefined;
  }

  async count(tx?: Tx): Promise<number> {
    const { n } = await dbOrTx(this.db, tx)
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(n);
  }
}
