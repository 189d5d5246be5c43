import type { UserRole } from '../content-types.ts';
import type { User } from '../entities.ts';
import type { Tx } from '../ports.ts';

export interface UsersRepository {
  insert(
    user: {
      email: string;
      displayName: string;
      role: UserRole;
    },
    at: string,
    tx?: Tx,
  ): Promise<User>;
  findByEmail(email: string, tx?: Tx): Promise<User | undefined>;
  findById(id: number, tx?: Tx): Promise<User | undefined>;
  list(tx?: Tx): Promise<User[]>;
  update(
    id: number,
    changes: {
      role?: UserRole;
      disabled?: boolean;
      displayName?: string;
    },
    at: string,
    tx?: Tx,
  ): Promise<void>;
  count(tx?: Tx): Promise<number>;
}
