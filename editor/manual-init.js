// The commons starts the editor itself (start.js), after registering its preview styles.
window.CMS_MANUAL_INIT = true;
