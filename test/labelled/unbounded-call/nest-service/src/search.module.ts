import { Module } from "@nestjs/common";
import { HttpModule } from "@nestjs/axios";

@Module({
  imports: [HttpModule.register({ timeout: 5000, maxRedirects: 3 })],
})
export class SearchModule {}

@Module({
  imports: [
    HttpModule.registerAsync({
      useFactory: () => ({ timeout: Number(process.env.HTTP_TIMEOUT ?? 5000) }),
    }),
  ],
})
export class ReportsModule {}
