/** The one mapshaper function the boundary build uses (the package ships no types). */
declare module "mapshaper" {
  const mapshaper: {
    /** Runs a command line on in-memory inputs and resolves to the `-o` outputs by file name. */
    applyCommands(
      commands: string,
      input: Record<string, unknown>,
    ): Promise<Record<string, string | Uint8Array>>;
  };
  export default mapshaper;
}
