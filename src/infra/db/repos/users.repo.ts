import type { UserRole } from '../../../core/content-types.ts';
import type { User } from '../../../core/entities.ts';
import type { Tx } from '../../../core/ports.ts';
import type { UsersRepository } from '../../../core/repositories/users-repository.ts';
import { dbOrTx, type Executor } from '../executor.ts';

const USER_COLUMNS = ['id', 'email', 'displayName', 'role', 'disabled'] as const;
const toUser = (row: {
  id: number;
  email: string;
  displayName: string;
  role: UserRole;
  disabled: 0 | 1;
}): User => ({
  ...row,
  disabled: row.disabled === 1,
});

export class UsersRepo implements UsersRepository {
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
    return toUser(row);
  }

  async findByEmail(email: string, tx?: Tx): Promise<User | undefined> {
    const row = await dbOrTx(this.db, tx)
      .selectFrom('users')
      .select(USER_COLUMNS)
      .where('email', '=', email.toLowerCase())
      .executeTakeFirst();
    return row ? toUser(row) : undefined;
  }

  async findById(id: number, tx?: Tx): Promise<User | undefined> {
    const row = await dbOrTx(this.db, tx)
      .selectFrom('users')
      .select(USER_COLUMNS)
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toUser(row) : undefined;
  }

  async list(tx?: Tx): Promise<User[]> {
    const rows = await dbOrTx(this.db, tx)
      .selectFrom('users')
      .select(USER_COLUMNS)
      .orderBy('email')
      .execute();
    return rows.map(toUser);
  }

  async update(
    id: number,
    changes: { role?: UserRole; disabled?: boolean; displayName?: string },
    at: string,
    tx?: Tx,
  ): Promise<void> {
    const { disabled, ...rest } = changes;
    await dbOrTx(this.db, tx)
      .updateTable('users')
      .set({
        ...rest,
        ...(disabled !== undefined ? { disabled: disabled ? 1 : 0 } : {}),
        updatedAt: at,
      })
      .where('id', '=', id)
      .execute();
  }

  async count(tx?: Tx): Promise<number> {
    const { n } = await dbOrTx(this.db, tx)
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(n);
  }
}
