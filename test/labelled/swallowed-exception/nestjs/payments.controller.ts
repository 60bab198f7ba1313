import { Body, Controller, Get, HttpException, HttpStatus, Logger, Param, Post } from "@nestjs/common";
import { PaymentsService } from "./payments.service";
import { EventEmitter2, OnEvent } from "@nestjs/event-emitter";

@Controller("payments")
export class PaymentsController {
  private readonly logger = new Logger(PaymentsController.name);

  constructor(
    private readonly payments: PaymentsService,
    private readonly events: EventEmitter2,
  ) {}

  @Get(":id")
  async get(@Param("id") id: string) {
    try {
      return await this.payments.get(id);
    } catch (err) {
      this.logger.error(`get ${id}`, (err as Error).stack);
      throw new HttpException("payment lookup failed", HttpStatus.BAD_GATEWAY, { cause: err });
    }
  }

  @Post()
  async create(@Body() body: { amount: number; currency: string }) {
    if (body.amount <= 0) throw new HttpException("amount must be positive", HttpStatus.BAD_REQUEST);
    try {
      const payment = await this.payments.create(body);
      this.events.emit("payment.created", payment);
      return payment;
      // hh-expect: swallowed-exception/rethrowWithoutCause
    } catch (err) {
      this.logger.error("create failed", (err as Error).stack);
      throw new HttpException("payment failed", HttpStatus.INTERNAL_SERVER_ERROR);
    }
  }

  @Post(":id/capture")
  async capture(@Param("id") id: string) {
    try {
      return await this.payments.capture(id);
    } catch (err) {
      throw new HttpException("capture failed", HttpStatus.UNPROCESSABLE_ENTITY);
    }
  }

  @OnEvent("payment.created")
  async notify(payment: { id: string; email: string }) {
    try {
      await this.payments.sendReceipt(payment.id, payment.email);
    // Not a finding since session 25: an @OnEvent listener of @nestjs/event-emitter is an event
    // callback with nobody to answer (docs: decorated jobs), and a log-only catch ending one is
    // not reported, as in an emitter.on("payment.created", …) listener.
    } catch (err) {
      this.logger.warn(`receipt for ${payment.id} not sent`);
    }
  }

  @Post("webhook")
  async webhook(@Body() raw: string) {
    let event: { type: string };
    try {
      event = JSON.parse(raw);
    } catch {
      throw new HttpException("invalid payload", 400);
    }
    await this.payments.handle(event);
    return { received: true };
  }
}
