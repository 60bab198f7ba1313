import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, ParseUUIDPipe, Post, Put, Query, UsePipes, ValidationPipe } from "@nestjs/common";
import { IsInt, IsOptional, IsString, Min } from "class-validator";
import { CatsService } from "./cats.service";
import { CreateCatDto } from "./dto/create-cat.dto";
import type { CatFilter } from "./cat-filter";

export class UpdateCatDto {
  @IsOptional()
  @IsString()
  name?: string;

  @IsOptional()
  @IsInt()
  @Min(0)
  age?: number;
}

interface AdoptionRequest {
  catId: string;
  adopterEmail: string;
}

@Controller("cats")
export class CatsController {
  constructor(private readonly catsService: CatsService) {}

  @Post()
  create(@Body() createCatDto: CreateCatDto) {
    return this.catsService.create(createCatDto);
  }

  @Get(":id")
  findOne(@Param("id", ParseIntPipe) id: number) {
    return this.catsService.findOne(id);
  }

  @Put(":id")
  @UsePipes(new ValidationPipe({ whitelist: true }))
  update(@Param("id", new ParseUUIDPipe()) id: string, @Body() dto: UpdateCatDto) {
    return this.catsService.update(id, dto);
  }

  @Post("adoptions")
  // hh-expect: unvalidated-boundary/nestDecorator
  adopt(@Body() request: AdoptionRequest) {
    return this.catsService.adopt(request.catId, request.adopterEmail);
  }

  @Get()
  // hh-expect: unvalidated-boundary/nestDecorator
  findAll(@Query() filter: CatFilter) {
    return this.catsService.findAll(filter);
  }

  @Delete(":name")
  @HttpCode(204)
  // hh-expect: unvalidated-boundary/nestDecorator
  remove(@Param("name") name: string) {
    return this.catsService.removeByName(name);
  }

  @Post("bulk")
  // hh-expect: unvalidated-boundary/nestDecorator
  bulk(@Body() cats: Array<{ name: string; age: number }>) {
    return Promise.all(cats.map((cat) => this.catsService.create(cat)));
  }

  @Get("count")
  count() {
    return this.catsService.count();
  }
}
