import {
  CallHandler,
  ExecutionContext,
  Injectable,
  Logger,
  Module,
  NestInterceptor,
  OnModuleDestroy,
  OnModuleInit,
  ServiceUnavailableException,
} from "@nestjs/common";
import { Cron } from "@nestjs/schedule";
import { Observable, catchError, throwError, timeout } from "rxjs";
import { Redis } from "ioredis";
import { PushClient, PushTokenExpiredError } from "./push-client";

@Injectable()
export class TimeoutInterceptor implements NestInterceptor {
  intercept(_ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      timeout(5000),
      catchError((err) => throwError(() => (err.name === "TimeoutError" ? new ServiceUnavailableException("timed out", { cause: err }) : err))),
    );
  }
}

@Injectable()
export class NotificationsService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(NotificationsService.name);
  private readonly redis = new Redis(process.env.REDIS_URL ?? "redis://localhost:6379");

  constructor(private readonly push: PushClient) {}

  onModuleInit(): void {
    this.redis.on("error", (err) => this.logger.error(`redis: ${err.message}`, err.stack));
  }

  async onModuleDestroy(): Promise<void> {
    try {
      await this.redis.quit();
    } catch (err) {
      this.logger.warn(`redis quit failed: ${(err as Error).message}`);
      this.redis.disconnect();
    }
  }

  async notify(userId: string, message: string): Promise<void> {
    const tokens = await this.redis.smembers(`push:${userId}`);
    for (const token of tokens) {
      try {
        await this.push.send(token, message);
      } catch (err) {
        if (err instanceof PushTokenExpiredError) {
          await this.redis.srem(`push:${userId}`, token);
          continue;
        }
        throw err;
      }
    }
  }

  async notifyMany(userIds: string[], message: string): Promise<void> {
    // hh-expect: swallowed-exception/allSettledUnchecked
    await Promise.allSettled(userIds.map((id) => this.notify(id, message)));
  }

  async unreadCount(userId: string): Promise<number> {
    const raw = await this.redis.get(`unread:${userId}`);
    return raw ? Number(raw) : 0;
  }

  async markRead(userId: string): Promise<void> {
    try {
      await this.redis.del(`unread:${userId}`);
    // hh-expect: swallowed-exception/logAndContinue
    } catch (err) {
      this.logger.error(`markRead ${userId} failed`);
    }
  }

  @Cron("0 */5 * * * *")
  async flushQueue(): Promise<void> {
    const batch = await this.redis.lpop("push:queue", 100);
    if (!batch) return;
    const results = await Promise.allSettled(batch.map((item) => this.deliver(item)));
    const failed = results.filter((r) => r.status === "rejected").length;
    if (failed > 0) this.logger.warn(`${failed} of ${batch.length} deliveries failed`);
  }

  private async deliver(item: string): Promise<void> {
    const { token, message } = JSON.parse(item) as { token: string; message: string };
    await this.push.send(token, message);
  }
}

@Module({ providers: [NotificationsService, PushClient, TimeoutInterceptor], exports: [NotificationsService] })
export class NotificationsModule {}
