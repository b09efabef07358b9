/**
 * Ribbon command page. The only ribbon button (ShowTaskpane) is declarative in manifest.xml, so
 * this page has no functions to register; Office still loads it for the function file
 * (FunctionFile) and needs Office.onReady to be called.
 */
Office.onReady(() => {
  /* nothing to register: see manifest.xml, Action xsi:type="ShowTaskpane" */
});
