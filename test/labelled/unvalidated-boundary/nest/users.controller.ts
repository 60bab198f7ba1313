import { Body, Controller, Get, Param, Patch, Post, Query } from "@nestjs/common";
import { ZodValidationPipe } from "nestjs-zod";
import { z } from "zod";
import { UsersService } from "./users.service";
import { UsersRepository } from "./users.repository";

const InviteSchema = z.object({ email: z.string().email(), teamId: z.string().uuid() });
type Invite = z.infer<typeof InviteSchema>;

@Controller("users")
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly usersRepository: UsersRepository,
  ) {}

  @Post("invite")
  invite(@Body(new ZodValidationPipe(InviteSchema)) invite: Invite) {
    return this.users.invite(invite);
  }

  @Get("search")
  // hh-expect: unvalidated-boundary/nestDecorator
  search(@Query("email") email: string) {
    return this.usersRepository.findOne({ where: { email } });
  }

  @Patch(":id/role")
  // hh-expect: unvalidated-boundary/nestDecorator, unvalidated-boundary/nestDecorator
  setRole(@Param("id") id: string, @Body() body: { role: string }) {
    return this.usersRepository.update(id, { role: body.role });
  }

  @Get(":id")
  findOne(@Param("id") id: string) {
    const userId = InviteSchema.shape.teamId.parse(id);
    return this.users.findOne(userId);
  }
}
