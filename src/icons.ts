import { LabIcon } from '@jupyterlab/ui-components';

import lifebuoySvg from '../style/icons/lifebuoy.svg';

/**
 * The Get help panel's icon: a lifebuoy, themed through `jp-icon3`.
 */
export const hubHelpIcon = new LabIcon({
  name: 'jupyterlab-hub-help:lifebuoy',
  svgstr: lifebuoySvg
});
