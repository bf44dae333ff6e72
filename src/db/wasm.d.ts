// @types/node 20 does not declare the WebAssembly global that Node has; the schema engine
// loader needs just these.
declare namespace WebAssembly {
  type ModuleImports = Record<string, unknown>;
  type Module = object;
  interface Instance {
    exports: Record<string, unknown>;
  }
  function compile(bytes: Uint8Array): Promise<Module>;
  function instantiate(module: Module, imports: Record<string, ModuleImports>): Promise<Instance>;
}
