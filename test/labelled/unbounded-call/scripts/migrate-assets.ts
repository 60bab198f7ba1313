import { S3Client, ListObjectsV2Command, CopyObjectCommand } from "@aws-sdk/client-s3";
import { google } from "googleapis";
import http from "node:http";

google.options({ timeout: 20000 });

const source = new S3Client({ region: "eu-west-1", requestHandler: { requestTimeout: 30000, connectionTimeout: 5000 } });
const drive = google.drive({ version: "v3" });

function probe(options: http.RequestOptions) {
  return new Promise<number>((resolve, reject) => {
    const req = http.request(options, (res) => resolve(res.statusCode ?? 0));
    req.on("error", reject);
    req.end();
  });
}

async function main() {
  let token: string | undefined;
  do {
    const page = await source.send(new ListObjectsV2Command({ Bucket: "old-assets", ContinuationToken: token }));
    for (const obj of page.Contents ?? []) {
      await source.send(new CopyObjectCommand({ Bucket: "new-assets", Key: obj.Key, CopySource: `old-assets/${obj.Key}` }));
    }
    token = page.NextContinuationToken;
  } while (token);
  const files = await drive.files.list({ pageSize: 100 });
  console.log(files.data.files?.length, await probe({ host: "localhost", port: 8080 }));
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
