/** Where both apps keep the chosen language (localStorage); also read by /m's route-preload.js, before any app code. */
export const LANG_KEY = 'cc.lang';
