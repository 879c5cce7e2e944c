/**
 * Importing this module registers the side panel's and the popup map's strings (with the pages'
 * own, which they also use). Only those pages import it, so the content script stays free of them.
 */
import { enChart } from './catalogs/en-chart';
import { zh_CNChart } from './catalogs/zh_CN-chart';
import { addMessages } from './i18n';
import './pages';

addMessages({ en: enChart, zh_CN: zh_CNChart });
