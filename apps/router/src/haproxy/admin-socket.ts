import net from "node:net";

const COMMAND_TIMEOUT_MS = 5_000;

/**
 * Sends one line to HAProxy's runtime API (its admin socket) and returns the answer. Several commands
 * may share the line, separated by `;`; HAProxy answers them in order and then closes the connection.
 */
export function adminCommand(socketPath: string, line: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(socketPath);
    let answer = "";
    socket.setEncoding("utf8");
    socket.setTimeout(COMMAND_TIMEOUT_MS, () =>
      socket.destroy(new Error(`HAProxy's admin socket did not answer within ${COMMAND_TIMEOUT_MS} ms`)),
    );
    socket.on("data", (chunk: string) => (answer += chunk));
    socket.on("end", () => resolve(answer));
    socket.on("error", reject);
    socket.end(`${line}\n`);
  });
}
