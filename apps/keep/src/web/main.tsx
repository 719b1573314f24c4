import { render } from 'solid-js/web'

import { App } from './App'
import './styles.css'

const root = document.getElementById('root')

if (!root) {
  throw new Error('The page has no #root element to render Keep into')
}

render(() => <App />, root)
