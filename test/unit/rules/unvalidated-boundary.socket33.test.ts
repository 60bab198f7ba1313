import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { mark, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Held round 36 (retired to tune), session 33, developer ub33a: a socket server's message payload is judged by
// where its fields go (a query, a file path, a property key, the server's own state), once per handler, at the
// handler's first read of it; not at every read (ltvmoon/gamehub24 server.ts, label36c notes 16-18). Hand-written
// rows: socket.io handlers as in gamehub24, and the same class in another code shape (a CommonJS module handed its
// `io`, with no socket.io import, and a store required from another module).

// Joi projects: no Zod fix is offered, only the directive.
const SOCKET_IO = { "package.json": "{ \"name\": \"app\", \"dependencies\": { \"socket.io\": \"^4.7.0\", \"joi\": \"^17.0.0\" } }\n" };

// A project's own store, built once in the server module (`const votes = new VoteBook()`) or exported built.
const VOTE_BOOK = dedent`
  export class VoteBook {
    private tallies: Record<string, number> = {};
    private byPoll = new Map<string, string[]>();
    tally(pollId: string, voter: string) {
      this.tallies[pollId] = (this.tallies[pollId] ?? 0) + 1;
    }
    voters(pollId: string) {
      return this.byPoll.get(pollId) ?? [];
    }
  }
`;
const LEDGER = dedent`
  class Ledger {
    constructor() {
      this.entries = [];
    }
    record(entry) {
      this.entries.push(entry);
      return this.entries.length;
    }
  }
  module.exports = { ledger: new Ledger() };
`;

const SOCKET = (handler: string) => dedent`
  import { Server } from "socket.io";
  import { VoteBook } from "./vote-book";
  const io = new Server(3000);
  const votes = new VoteBook();
  const history: object[] = [];
  io.on("connection", (socket) => {
    ${handler}
  });
`;

const HANDED_IO = (handler: string) => dedent`
  const { ledger } = require("../ledger");
  const board = {};
  module.exports = (io) => {
    io.on("connection", (socket) => {
      ${handler}
    });
  };
`;

const valid: ValidCase[] = [
  // A pure relay: the payload re-emitted to the room it names, its size logged (room names are no sink).
  { name: "socket.io: a payload only relayed to the room it names", filename: "src/server.ts", files: { ...SOCKET_IO, "src/vote-book.ts": VOTE_BOOK }, code: SOCKET("socket.on(\"game:move\", (data) => {\n    console.log(\"move\", JSON.stringify(data).length);\n    socket.to(data.roomId).emit(\"game:move\", data);\n  });") },
  // A Map lookup in the project's store, one hop: a Map takes any key.
  { name: "socket.io: a field only looked up in the store's Map", filename: "src/server.ts", files: { ...SOCKET_IO, "src/vote-book.ts": VOTE_BOOK }, code: SOCKET("socket.on(\"poll:voters\", (payload, ack) => {\n    ack(votes.voters(payload.pollId));\n  });") },
  // Fields checked and plain values kept: a scalar stored is no use, like a form's.
  { name: "socket.io: a scalar field kept as a Map value", filename: "src/server.ts", files: { ...SOCKET_IO, "src/vote-book.ts": VOTE_BOOK }, code: SOCKET("socket.on(\"nick\", (msg) => {\n    try {\n      const { name } = msg;\n      nicknames.set(socket.id, name);\n    } catch (err) {\n      socket.emit(\"nick:error\", String(err));\n    }\n  });") },
  // Destructured in the parameter and only used as a room name (round 34, tca2 sockets/index.js:22, clean).
  { name: "socket.io: a destructured payload used only as a room name", filename: "src/server.ts", files: { ...SOCKET_IO, "src/vote-book.ts": VOTE_BOOK }, code: SOCKET("socket.on(\"leave\", ({ room }) => {\n    socket.leave(room);\n    io.to(room).emit(\"left\", socket.id);\n  });") },
  // The same in a module handed its `io`: fields only sent on to everyone else.
  { name: "handed io: a payload's fields only broadcast", filename: "src/sockets/board.js", files: { ...SOCKET_IO, "src/ledger.js": LEDGER }, code: HANDED_IO("socket.on(\"cursor\", (pos) => {\n        socket.broadcast.emit(\"cursor\", { id: socket.id, x: pos.x, y: pos.y });\n      });") },
];

function row(name: string, code: string, files: Record<string, string>, line: number, column: number, endColumn: number, message?: string, filename = "src/server.ts"): InvalidCase {
  return { name, code, filename, findings: [{ case: "messagePayload", line, column, endColumn, ...(message ? { message } : {}), suggestions: [mark(code, "messagePayload", line)] }], files, output: null };
}

const STORE = { ...SOCKET_IO, "src/vote-book.ts": VOTE_BOOK };
const LEDGER_IO = { ...SOCKET_IO, "src/ledger.js": LEDGER };

const invalid: InvalidCase[] = [
  // gamehub24 server.ts:751 shape: the payload spread into a message the server keeps (forged sender fields).
  row("socket.io: the payload spread into a message kept in the module's history", SOCKET("socket.on(\"chat\", (data) => {\n    const message = { ...data, id: crypto.randomUUID(), at: Date.now() };\n    history.push(message);\n    io.emit(\"chat\", message);\n  });"), STORE, 8, 24, 28,
    "data is kept in the server's own state without validation: whatever the sender puts in it, forged fields included, is kept and handed to everyone who reads it later. Validate it with a schema before using it."),
  // gamehub24 server.ts:777 shape, one hop into a method of the module's own store instance: `this.tallies[pollId]`.
  row("socket.io: a field used as a plain-object key in the project's store", SOCKET("socket.on(\"poll:vote\", (vote) => {\n    votes.tally(vote.pollId, socket.id);\n  });"), STORE, 8, 15, 19,
    "vote is used as a property key without validation: a crafted key such as __proto__ can change objects across the whole app. Validate it with a schema before using it."),
  // Destructured in the parameter, the field then made a key: reported at the pattern.
  row("socket.io: a destructured field used as a plain-object key", SOCKET("socket.on(\"poll:vote\", ({ pollId }) => {\n    votes.tally(pollId, socket.id);\n  });"), STORE, 7, 27, 37),
  // aldaxho/examenBack-sw1 index.js:206 shape (round 31, decided): destructured outside any try, an event emitted with no payload throws in the listener.
  row("socket.io: the payload destructured outside a try", SOCKET("socket.on(\"cursor\", (data) => {\n    const { roomId, x, y } = data;\n    socket.to(roomId).emit(\"cursor\", { x, y });\n  });"), STORE, 8, 28, 32),
  // Another shape: a module handed its `io` (no socket.io import), a field as a key of the module's plain object.
  row("handed io: a field used as a plain-object key", HANDED_IO("socket.on(\"mark\", (move) => {\n        try {\n          board[move.cell] = move.player;\n          io.emit(\"marked\", move);\n        } catch (err) {\n          socket.emit(\"mark:error\", String(err));\n        }\n      });"), LEDGER_IO, 7, 15, 19, undefined, "src/sockets/board.js"),
  // The payload handed whole to a store required from another module, which keeps it (one hop, `this.entries.push(entry)`).
  row("handed io: the payload handed whole to a store that keeps it", HANDED_IO("socket.on(\"entry\", (entry) => {\n        socket.emit(\"entry:count\", ledger.record(entry));\n      });"), LEDGER_IO, 6, 48, 53, undefined, "src/sockets/board.js"),
];

runWithNamedCases(valid, invalid);
