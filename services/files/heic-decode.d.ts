// heic-decode ships no types; this is the part of its API the portal uses (services/files/images.server.ts).
declare module 'heic-decode' {
  type ImageData = { width: number; height: number; data: Uint8ClampedArray }
  type HeifImage = { width: number; height: number; decode(): Promise<ImageData> }
  type HeifImages = HeifImage[] & { dispose(): void }
  function decode(input: { buffer: Uint8Array | ArrayBuffer }): Promise<ImageData>
  namespace decode {
    function all(input: { buffer: Uint8Array | ArrayBuffer }): Promise<HeifImages>
  }
  export default decode
}
