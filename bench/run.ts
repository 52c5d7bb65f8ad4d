import { benchFrameDecode } from "./frame-decode.js";
import { renderTable } from "./stats.js";
console.log(renderTable(await benchFrameDecode(5)));
