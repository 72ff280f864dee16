// The panel's and the report dialog's styles, loaded with them rather than
// at JupyterLab's start (style/index.css is empty on purpose).
import '../style/base.css';
