import { Injectable, Logger } from "@nestjs/common";
import { HttpService } from "@nestjs/axios";
import { firstValueFrom } from "rxjs";
import { S3Client, GetObjectCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { SQSClient, ReceiveMessageCommand } from "@aws-sdk/client-sqs";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { NodeHttpHandler } from "@smithy/node-http-handler";

@Injectable()
export class CatalogService {
  private readonly logger = new Logger(CatalogService.name);
  // hh-expect: unbounded-call/client
  private readonly s3 = new S3Client({ region: process.env.AWS_REGION });
  private readonly sqs = new SQSClient({
    region: process.env.AWS_REGION,
    requestHandler: new NodeHttpHandler({ connectionTimeout: 2000, requestTimeout: 25000 }),
  });

  constructor(private readonly http: HttpService) {}

  async price(sku: string) {
    const { data } = await firstValueFrom(this.http.get(`https://pricing.internal/sku/${sku}`));
    return data;
  }

  async image(key: string) {
    return this.s3.send(new GetObjectCommand({ Bucket: process.env.BUCKET, Key: key }));
  }

  async upload(key: string, body: Buffer) {
    await this.s3.send(new PutObjectCommand({ Bucket: process.env.BUCKET, Key: key, Body: body }));
    return getSignedUrl(this.s3, new GetObjectCommand({ Bucket: process.env.BUCKET, Key: key }), { expiresIn: 600 });
  }

  async drain(queueUrl: string) {
    const out = await this.sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, WaitTimeSeconds: 20 }));
    return out.Messages ?? [];
  }
}
