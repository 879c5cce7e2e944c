/**
 * Importing this module registers Chinese (overlay strings and engine notes) in this context.
 * The extension pages and the background import it; the content script does not (it asks the
 * background for the same tables with `i18n.catalog` when the trader's language is Chinese).
 */
import { zh_CN } from './catalogs/zh_CN';
import { zh_CNNotes } from './catalogs/zh_CN-notes';
import { addCatalog } from './i18n';
import { addNotes } from './engine-notes';

addCatalog('zh_CN', zh_CN);
addNotes('zh_CN', zh_CNNotes);
