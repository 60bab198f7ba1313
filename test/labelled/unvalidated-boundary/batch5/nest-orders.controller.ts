import { BadRequestException, Body, Controller, Get, Headers, Param, ParseIntPipe, Post, Query } from "@nestjs/common";
import { InjectRepository } from "@nestjs/typeorm";
import { Repository } from "typeorm";
import { z } from "zod";
import { Order } from "./order.entity";
import { PaymentsService } from "./payments.service";

const RefundBody = z.object({ amountCents: z.number().int().positive(), reason: z.string().max(200) });

@Controller("orders")
export class OrdersController {
  constructor(
    @InjectRepository(Order) private readonly orders: Repository<Order>,
    private readonly payments: PaymentsService,
  ) {}

  @Get(":id")
  get(@Param("id", ParseIntPipe) id: number) {
    return this.orders.findOneBy({ id });
  }

  @Get()
  // hh-expect: unvalidated-boundary/nestDecorator
  list(@Query("status") status: string) {
    return this.orders.find({ where: { status } });
  }

  @Post(":id/refund")
  async refund(@Param("id", ParseIntPipe) id: number, @Body() body: unknown) {
    const parsed = RefundBody.safeParse(body);
    if (!parsed.success) throw new BadRequestException(parsed.error.issues);
    return this.payments.refund(id, parsed.data.amountCents, parsed.data.reason);
  }

  @Post(":id/notes")
  // hh-expect: unvalidated-boundary/nestDecorator
  addNote(@Param("id", ParseIntPipe) id: number, @Body() body: { text: string }) {
    return this.orders.update(id, { note: body.text });
  }

  @Post("webhook")
  // hh-expect: unvalidated-boundary/nestDecorator
  webhook(@Headers("x-signature") signature: string, @Body() payload: Record<string, any>) {
    if (!this.payments.verify(signature, payload)) throw new BadRequestException("bad signature");
    return this.payments.handleEvent(payload.type, payload.data);
  }
}
