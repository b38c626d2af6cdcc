import './index.css';
import './profile.css';
