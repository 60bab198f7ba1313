import { Module, Injectable } from "@nestjs/common";
import { ConfigModule, ConfigService } from "@nestjs/config";
import { JwtModule, JwtService } from "@nestjs/jwt";
import { PassportModule } from "@nestjs/passport";
import { TypeOrmModule } from "@nestjs/typeorm";

@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true }),
    PassportModule.register({ defaultStrategy: "jwt" }),
    JwtModule.register({
      // hh-expect: hardcoded-secret/signingSecret
      secret: "s3ssion-K3y!",
      signOptions: { expiresIn: "60m" },
    }),
    TypeOrmModule.forRoot({
      type: "postgres",
      host: "db.internal",
      port: 5432,
      username: "acme_app",
      // hh-expect: hardcoded-secret/suspiciousName
      password: "R3dFox!97",
      database: "acme",
      synchronize: false,
    }),
    TypeOrmModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService) => ({
        type: "postgres",
        host: config.get<string>("DB_HOST", "localhost"),
        port: config.get<number>("DB_PORT", 5432),
        username: config.get<string>("DB_USER", "postgres"),
        // hh-expect: hardcoded-secret/envFallbackLiteral
        password: config.get<string>("DB_PASSWORD", "postgres"),
        database: config.get<string>("DB_NAME", "acme"),
      }),
    }),
  ],
})
export class AuthModule {}

@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    private readonly config: ConfigService,
  ) {}

  sign(userId: string): Promise<string> {
    // hh-expect: hardcoded-secret/signingSecret
    return this.jwt.signAsync({ sub: userId }, { secret: "c0okie-m0nster", expiresIn: "15m" });
  }

  signRefresh(userId: string): Promise<string> {
    return this.jwt.signAsync({ sub: userId }, { secret: this.config.getOrThrow<string>("JWT_REFRESH_SECRET"), expiresIn: "7d" });
  }

  webhookSecret(): string {
    // hh-expect: hardcoded-secret/envFallbackLiteral
    return this.config.get<string>("WEBHOOK_SECRET", "whsec-local");
  }

  pageSize(): number {
    return this.config.get<number>("PAGE_SIZE", 50);
  }

  region(): string {
    return this.config.get<string>("AWS_REGION", "eu-west-1");
  }
}

@Injectable()
export class PaymentsClient {
  // hh-expect: hardcoded-secret/providerKey
  private readonly apiKey = "sk_live_pmmK6gBIsKCu4GCNNX6bwEWg";
  private readonly baseUrl = "https://api.stripe.com/v1";
  private readonly tokenHeader = "Authorization";

  async listCharges(): Promise<unknown> {
    const res = await fetch(`${this.baseUrl}/charges`, { headers: { [this.tokenHeader]: `Bearer ${this.apiKey}` } });
    return res.json();
  }
}
