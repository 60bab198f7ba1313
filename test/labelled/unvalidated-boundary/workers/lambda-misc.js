const { DynamoDBClient } = require("@aws-sdk/client-dynamodb");
const { DynamoDBDocumentClient, UpdateCommand, GetCommand } = require("@aws-sdk/lib-dynamodb");
const Joi = require("joi");

const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));
const votesSchema = Joi.object({ pollId: Joi.string().required(), option: Joi.number().integer().min(0).max(9).required() });

module.exports.vote = async (event) => {
  const { error, value } = votesSchema.validate(JSON.parse(event.body || "{}"));
  if (error) return { statusCode: 400, body: error.message };
  await doc.send(new UpdateCommand({ TableName: "polls", Key: { id: value.pollId }, UpdateExpression: "ADD votes.#o :one", ExpressionAttributeNames: { "#o": String(value.option) }, ExpressionAttributeValues: { ":one": 1 } }));
  return { statusCode: 204 };
};

module.exports.results = async (event) => {
  // hh-expect: unvalidated-boundary/lambdaEvent
  const { pollId } = event.pathParameters;
  const { Item } = await doc.send(new GetCommand({ TableName: "polls", Key: { id: pollId } }));
  return { statusCode: 200, body: JSON.stringify(Item) };
};

module.exports.handler = async (event) => {
  // hh-expect: unvalidated-boundary/lambdaEvent
  const body = JSON.parse(event.body);
  await doc.send(new UpdateCommand({ TableName: "profiles", Key: { id: body.userId }, UpdateExpression: "SET bio = :b", ExpressionAttributeValues: { ":b": body.bio } }));
  return { statusCode: 204 };
};

module.exports.ping = async () => ({ statusCode: 200, body: "pong" });
