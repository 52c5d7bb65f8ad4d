/**
 * The glue script's first half, as its author would write it: read the tool's serial port, split
 * frames on 0x00, decode each (user-decoder.cjs) and publish every reading as JSON at QoS 1 to
 * Mosquitto. Nothing is acknowledged to the device; a reading is "delivered" once it was written.
 * Environment: SERIAL_PORT, MQTT_URL, MQTT_USERNAME, MQTT_PASSWORD, TOPIC.
 * Invariant: one MQTT message per good reading frame, in the order the frames arrived.
 */
import { createRequire } from "node:module";
import mqtt from "mqtt";
import { DelimiterParser, SerialPort } from "serialport";

const { decodeReadingFrame } = createRequire(import.meta.url)("./user-decoder.cjs");
const { SERIAL_PORT, MQTT_URL, MQTT_USERNAME, MQTT_PASSWORD, TOPIC } = process.env;

const client = await mqtt.connectAsync(MQTT_URL, { username: MQTT_USERNAME, password: MQTT_PASSWORD });
const port = new SerialPort({ path: SERIAL_PORT, baudRate: 115200 });
port.pipe(new DelimiterParser({ delimiter: [0] })).on("data", (frame) => {
	const reading = decodeReadingFrame(frame);
	if (reading !== null) client.publish(TOPIC, JSON.stringify(reading), { qos: 1 });
});
port.on("error", (error) => console.error(`serial: ${error.message}`));
port.on("open", () => process.send?.({ type: "ready" }));
