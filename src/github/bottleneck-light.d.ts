// The light build of Bottleneck (no Redis clustering) is what @octokit/plugin-throttling itself loads;
// it ships no declaration file of its own, but its API is the full build's.
declare module 'bottleneck/light.js' {
  import Bottleneck from 'bottleneck';
  export default Bottleneck;
}
