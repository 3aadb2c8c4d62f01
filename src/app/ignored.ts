/** An event the app looked at and left alone, said at debug level so that a delivery never vanishes unexplained. */
export function ignored(context: { log: { debug: (obj: object, msg: string) => void } }, reason: string): void {
  context.log.debug({ reason }, "event ignored");
}
