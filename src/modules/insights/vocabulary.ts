// The insights module's pure vocabulary, for the web app: the privacy-loss range synthetic releases accept.
export { epsilonRange } from './synthetic/range';
