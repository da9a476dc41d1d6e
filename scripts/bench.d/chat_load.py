"""Live chat load for scripts/bench-chat: one agent on the agents' websocket and VISITORS visitors on the
visitors' websocket. Each visitor sends a bilingual message, waits for its ack (sent once the message is
stored), and sends the next, for SECONDS. The agent times when each message reaches it.

Prints one line: raaya-chat-result messages=N duration_us=… ack_p50_us=… ack_p99_us=… e2e_p50_us=…
e2e_p99_us=… missing=… errors=… where e2e is from sending to the agent receiving the message, and missing counts
acknowledged messages that never reached the agent.
"""
import argparse
import asyncio
import json
import time

import websockets

TEXT = "مرحباً، طلبي رقم {n} لم يصل بعد — hello, my order {n} has not arrived yet ({marker})"


def percentile(values, q):
    if not values:
        return 0
    values = sorted(values)
    return int(values[min(len(values) - 1, int(q * len(values)))])


async def agent(url, token, sent, received, ready, stop):
    async with websockets.connect(url, additional_headers={"Authorization": f"Bearer {token}"}, max_size=2**20) as ws:
        hello = json.loads(await ws.recv())
        assert hello["type"] == "hello", hello
        ready.set()
        while not stop.is_set():
            try:
                frame = json.loads(await asyncio.wait_for(ws.recv(), 0.5))
            except asyncio.TimeoutError:
                continue
            if frame.get("type") == "message" and frame.get("from") == "visitor":
                marker = frame["text"].rsplit("(", 1)[-1].rstrip(")")
                if marker in sent and marker not in received:
                    received[marker] = time.monotonic()


async def visitor(number, url, deadline, sent, acks, errors):
    async with websockets.connect(url, max_size=2**20) as ws:
        await ws.send(json.dumps({"type": "hello", "token": None, "language": "ar"}))
        while True:
            frame = json.loads(await ws.recv())
            if frame["type"] == "welcome":
                break
        count = 0
        while time.monotonic() < deadline:
            count += 1
            marker = f"v{number}-{count}"
            client_id = f"c{count}"
            started = time.monotonic()
            sent[marker] = started
            await ws.send(json.dumps({"type": "message", "client_id": client_id, "text": TEXT.format(n=count, marker=marker)}))
            while True:
                frame = json.loads(await ws.recv())
                if frame.get("client_id") == client_id and frame["type"] in ("ack", "error"):
                    break
            if frame["type"] == "ack":
                acks.append((marker, time.monotonic() - started))
            else:
                errors.append(frame.get("detail"))
                sent.pop(marker, None)


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", required=True, help="http://127.0.0.1:PORT")
    parser.add_argument("--token", required=True)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--visitors", type=int, default=32)
    args = parser.parse_args()
    ws_base = args.base.replace("http://", "ws://")

    sent, received, acks, errors = {}, {}, [], []
    ready, stop = asyncio.Event(), asyncio.Event()
    agent_task = asyncio.create_task(agent(f"{ws_base}/api/v1/chat/agents/ws", args.token, sent, received, ready, stop))
    await asyncio.wait_for(ready.wait(), 10)
    await asyncio.sleep(2.5)  # the server's view of who is online is cached for up to 2 s
    started = time.monotonic()
    deadline = started + args.seconds
    await asyncio.gather(*(visitor(n, f"{ws_base}/chat/ws", deadline, sent, acks, errors) for n in range(args.visitors)))
    elapsed = time.monotonic() - started
    # Give the last messages time to reach the agent.
    for _ in range(50):
        if all(marker in received for marker, _ in acks):
            break
        await asyncio.sleep(0.1)
    stop.set()
    await agent_task
    e2e = [received[m] - sent[m] for m, _ in acks if m in received]
    missing = sum(1 for m, _ in acks if m not in received)
    print(
        f"raaya-chat-result messages={len(acks)} duration_us={int(elapsed * 1e6)} "
        f"ack_p50_us={percentile([a * 1e6 for _, a in acks], 0.5)} ack_p99_us={percentile([a * 1e6 for _, a in acks], 0.99)} "
        f"e2e_p50_us={percentile([e * 1e6 for e in e2e], 0.5)} e2e_p99_us={percentile([e * 1e6 for e in e2e], 0.99)} "
        f"missing={missing} errors={len(errors)} first_error={errors[0] if errors else ''}"
    )


asyncio.run(main())
