import {
  BadRequestException,
  ConflictException,
  Injectable,
  InternalServerErrorException,
  Logger,
  NotFoundException,
} from "@nestjs/common";
import { InjectRepository } from "@nestjs/typeorm";
import { QueryFailedError, Repository } from "typeorm";
import { HttpService } from "@nestjs/axios";
import { firstValueFrom } from "rxjs";
import { User } from "./user.entity";
import { CreateUserDto } from "./dto/create-user.dto";

@Injectable()
export class UsersService {
  private readonly logger = new Logger(UsersService.name);

  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly http: HttpService,
  ) {}

  async findOne(id: string): Promise<User> {
    const user = await this.users.findOne({ where: { id } });
    if (!user) throw new NotFoundException(`user ${id} not found`);
    return user;
  }

  async create(dto: CreateUserDto): Promise<User> {
    try {
      return await this.users.save(this.users.create(dto));
    } catch (err) {
      if (err instanceof QueryFailedError && (err as any).code === "23505") {
        throw new ConflictException("email already registered");
      }
      throw err;
    }
  }

  async importFromCrm(crmId: string): Promise<User> {
    try {
      const { data } = await firstValueFrom(this.http.get(`/crm/contacts/${crmId}`));
      return await this.users.save(data);
      // hh-expect: swallowed-exception/rethrowWithoutCause
    } catch (err) {
      throw new InternalServerErrorException("CRM import failed");
    }
  }

  async parseFilter(raw: string): Promise<Record<string, unknown>> {
    try {
      return JSON.parse(raw);
    } catch {
      throw new BadRequestException("filter must be JSON");
    }
  }

  async remove(id: string): Promise<void> {
    try {
      await this.users.delete(id);
    // hh-expect: swallowed-exception/logAndContinue
    } catch (err) {
      this.logger.error(`remove ${id} failed`, (err as Error).stack);
    }
  }

  async avatar(id: string): Promise<string | null> {
    try {
      const { data } = await firstValueFrom(this.http.get<{ url: string }>(`/avatars/${id}`));
      return data.url;
    // hh-expect: swallowed-exception/catchReturnsDefault
    } catch {
      return null;
    }
  }

  async touchLastSeen(id: string): Promise<void> {
    // hh-expect: swallowed-exception/promiseCatchNoop
    this.users.update(id, { lastSeenAt: new Date() }).catch(() => {});
  }

  async syncAll(ids: string[]): Promise<number> {
    let synced = 0;
    for (const id of ids) {
      try {
        await this.importFromCrm(id);
        synced++;
        // hh-expect: swallowed-exception/rethrowWithoutCause
      } catch (err) {
        this.logger.warn(`sync ${id} failed: ${(err as Error).message}`);
        throw new Error("sync aborted");
      }
    }
    return synced;
  }

  async countActive(): Promise<number> {
    try {
      return await this.users.count({ where: { active: true } });
    } catch (err) {
      this.logger.error("count failed", (err as Error).stack);
      throw new InternalServerErrorException("count failed", { cause: err });
    }
  }

  async deactivate(id: string): Promise<void> {
    try {
      await this.users.update(id, { active: false });
      // hh-expect: swallowed-exception/partialErrorCheck
    } catch (error) {
      if (error instanceof QueryFailedError) {
        this.logger.warn(`deactivate ${id}: query failed`);
        return;
      }
    }
  }
}
