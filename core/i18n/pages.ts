/**
 * Importing this module registers the popup's and options page's strings. Only those pages (and
 * their components) import it, so the content script stays free of them.
 */
import { enPages } from './catalogs/en-pages';
import { zh_CNPages } from './catalogs/zh_CN-pages';
import { addMessages } from './i18n';
import './zh_CN';

addMessages({ en: enPages, zh_CN: zh_CNPages });
