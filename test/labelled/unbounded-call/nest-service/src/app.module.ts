import { Module } from "@nestjs/common";
import { HttpModule } from "@nestjs/axios";
import { CatalogService } from "./catalog.service";
import { SearchModule } from "./search.module";

@Module({
  // hh-expect: unbounded-call/client
  imports: [HttpModule, SearchModule],
  providers: [CatalogService],
})
export class AppModule {}
