/**
 * The glue script's second half, as its author would write it: subscribe at QoS 1 and INSERT each
 * message into SQLite with better-sqlite3 (its defaults: rollback journal, synchronous FULL), one
 * statement per message. mqtt.js sends the PUBACK after this handler returns, so after the INSERT.
 * Environment: SQLITE_DB (the readings table exists), MQTT_URL, MQTT_USERNAME, MQTT_PASSWORD, TOPIC.
 * Invariant: one row per message received; the bench probe counts it after the INSERT returned.
 */
import { createRequire } from "node:module";
import Database from "better-sqlite3";
import mqtt from "mqtt";

const { createStoredProbe } = createRequire(import.meta.url)("./stored-probe.cjs");
const { SQLITE_DB, MQTT_URL, MQTT_USERNAME, MQTT_PASSWORD, TOPIC } = process.env;

const db = new Database(SQLITE_DB);
const insert = db.prepare("INSERT INTO readings (seq, device_time_us, quantity, value, unit, flags) VALUES (?, ?, ?, ?, ?, ?)");
const probe = createStoredProbe();
const client = await mqtt.connectAsync(MQTT_URL, { username: MQTT_USERNAME, password: MQTT_PASSWORD });
client.on("message", (_topic, payload) => {
	const reading = JSON.parse(payload.toString());
	insert.run(reading.seq, reading.deviceTimeUs, reading.quantity, reading.value, reading.unit, reading.flags);
	probe.stored(reading.deviceTimeUs);
});
await client.subscribeAsync(TOPIC, { qos: 1 });
process.send?.({ type: "ready" });
