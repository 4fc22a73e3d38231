'use strict';
// Connects to an Emporium event-bus bridge with the official Vert.x client, performs the steps
// given as a JSON array, and prints what happens as JSON lines until stdin closes.
//
//   node client.js http://127.0.0.1:8080/eventbus '[{"op":"register","address":"emporium.stock.SKU-1"}]' [options]
//
// options (JSON) go to the client and SockJS, for example {"transports": ["xhr-polling"]}.
// A step is {"op": "register" | "send" | "publish", "address": "...", "headers": {...}, "body": ...};
// a send with "reply": true asks for a reply. Printed lines:
//   {"event":"open"}, {"event":"done","op":...,"address":...} after each step,
//   {"event":"message","address":...,"body":...}, {"event":"reply","address":...,"error":...,"body":...},
//   {"event":"error","body":...} (a refusal or a bad frame, as the bridge reports it), {"event":"close"}.
const EventBus = require('@vertx/eventbus-bridge-client.js');

const [url, stepsJson, optionsJson] = process.argv.slice(2);
if (!url) {
  console.error('usage: node client.js <bridge url> [steps as JSON]');
  process.exit(2);
}
const steps = JSON.parse(stepsJson || '[]');

function print(line) {
  process.stdout.write(JSON.stringify(line) + '\n');
}

const eb = new EventBus(url, JSON.parse(optionsJson || '{}'));
eb.onerror = (err) => print({ event: 'error', body: err.body, failureType: err.failureType, message: err.message });
eb.onclose = () => {
  print({ event: 'close' });
  process.exit(0);
};
eb.onopen = () => {
  print({ event: 'open' });
  for (const step of steps) {
    const headers = step.headers || {};
    switch (step.op) {
      case 'register':
        eb.registerHandler(step.address, headers, (err, message) => {
          if (err) {
            print({ event: 'error', address: step.address, failureType: err.failureType, message: err.message });
          } else {
            print({ event: 'message', address: message.address, body: message.body });
          }
        });
        break;
      case 'send':
        if (step.reply) {
          eb.send(step.address, step.body, headers, (err, reply) =>
            print({ event: 'reply', address: step.address, error: err || null, body: reply ? reply.body : null }));
        } else {
          eb.send(step.address, step.body, headers);
        }
        break;
      case 'publish':
        eb.publish(step.address, step.body, headers);
        break;
      default:
        throw new Error('unknown op ' + step.op);
    }
    print({ event: 'done', op: step.op, address: step.address });
  }
};

process.stdin.on('end', () => eb.close());
process.stdin.resume();
