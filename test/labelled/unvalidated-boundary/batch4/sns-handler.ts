import type { SNSEvent, SNSHandler } from "aws-lambda";
import { z } from "zod";
import { db } from "../db";

const Alarm = z.object({ AlarmName: z.string(), NewStateValue: z.enum(["OK", "ALARM", "INSUFFICIENT_DATA"]) });

export const onAlarm: SNSHandler = async (event: SNSEvent) => {
  for (const record of event.Records) {
    const alarm = Alarm.parse(JSON.parse(record.Sns.Message));
    await db.alarmState.upsert({ where: { name: alarm.AlarmName }, create: { name: alarm.AlarmName, state: alarm.NewStateValue }, update: { state: alarm.NewStateValue } });
  }
};

export const onDeploy: SNSHandler = async (event) => {
  for (const record of event.Records) {
    // hh-expect: unvalidated-boundary/messagePayload
    const deploy = JSON.parse(record.Sns.Message);
    await db.deployment.create({ data: { service: deploy.service, version: deploy.version } });
  }
};

export const onRaw: SNSHandler = async (event) => {
  console.log("received", event.Records.length, "records");
};
