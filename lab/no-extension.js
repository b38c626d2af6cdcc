// Stand-in for @anpr/jupyterlab-ext when the lab is built with ANPR_LAB_WITHOUT_EXT=1:
// used only to check that the browser test fails without our renderers.
export default [];
