export { formatNumber } from '../text';
