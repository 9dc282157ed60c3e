/** Every page's script: the header's search box and the theme toggle. */
import './search/search-box';
import './theme-toggle';
